import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Grid, Input, List, Row, Spin, Typography } from 'antd';
import { Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { Outlet, useMatch, useNavigate, useOutletContext } from 'react-router';
import { UnitKindTag } from '../../components/unit-kind-tag';
import { useI18n } from '../../lib/i18n/i18n';
import { UnitTree, type UnitTreeHandle } from './unit-tree';
import { useUnit, useUnitSearch } from './units-api';

export type UnitsOutletContext = {
  /** Reloads these branches of the tree (null: the roots) after a write. */
  refreshTree: (parentIds: readonly (number | null)[]) => Promise<void>;
};

export const useUnitsOutlet = () => useOutletContext<UnitsOutletContext>();

/** The unit tree (with search) beside the selected unit; on a phone, one at a time. */
export const UnitsLayout = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const match = useMatch('/units/:id');
  const selectedId = match?.params.id ? Number(match.params.id) : null;
  const { data: selected } = useUnit(selectedId);
  const [q, setQ] = useState('');
  const search = useUnitSearch(q);
  const wide = screens.lg ?? false;
  const showTree = wide || selectedId === null;

  const go = (id: number) => navigate(`/units/${id}`);
  // On a phone the tree is not mounted beside the unit page; it loads afresh when shown again.
  const treeRef = useRef<UnitTreeHandle>(null);
  const refreshTree = useCallback(
    async (parentIds: readonly (number | null)[]) => treeRef.current?.reload(parentIds),
    [],
  );
  const outlet = useMemo<UnitsOutletContext>(() => ({ refreshTree }), [refreshTree]);

  return (
    <Row gutter={[16, 16]}>
      {showTree && (
        <Col xs={24} lg={8} xxl={6}>
          <Card title={t('units.tree')} size="small" styles={{ body: { padding: 8 } }}>
            <Input.Search
              allowClear
              enterButton={<SearchOutlined />}
              placeholder={t('units.searchPlaceholder')}
              onSearch={(v) => setQ(v.trim())}
              onChange={(e) => e.target.value === '' && setQ('')}
              style={{ marginBottom: 8 }}
              data-testid="unit-search"
            />
            {q !== '' && (
              <List
                size="small"
                loading={search.isFetching}
                header={<Typography.Text type="secondary">{t('units.searchResults')}</Typography.Text>}
                locale={{ emptyText: <Empty description={t('units.noResults')} /> }}
                dataSource={search.data?.items ?? []}
                data-testid="unit-search-results"
                renderItem={(u) => (
                  <List.Item
                    onClick={() => go(u.id)}
                    style={{ cursor: 'pointer' }}
                    extra={<UnitKindTag kind={u.kind} />}
                  >
                    <List.Item.Meta title={u.name} description={u.code} />
                  </List.Item>
                )}
              />
            )}
            {/* Hidden, not unmounted, while searching: the loaded branches and expansion survive. */}
            <div style={{ display: q !== '' ? 'none' : undefined }}>
              <UnitTree
                ref={treeRef}
                height={Math.max(window.innerHeight - (wide ? 260 : 190), 320)}
                selected={selected ? { id: selected.id, path: selected.path } : null}
                onSelect={(u) => go(u.id)}
              />
            </div>
          </Card>
        </Col>
      )}
      {(wide || selectedId !== null) && (
        <Col xs={24} lg={16} xxl={18}>
          {!wide && (
            <Button type="link" onClick={() => navigate('/units')} style={{ paddingInline: 0 }}>
              ← {t('units.backToTree')}
            </Button>
          )}
          {/* The unit page is its own chunk: loading it must not blank the tree beside it. */}
          <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
            <Outlet context={outlet} />
          </Suspense>
        </Col>
      )}
    </Row>
  );
};

export const UnitsIndex = () => {
  const { t } = useI18n();
  return (
    <Card>
      <Empty description={t('units.selectHint')} />
    </Card>
  );
};
