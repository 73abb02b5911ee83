import {
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  NodeIndexOutlined,
  PlusOutlined,
  ScissorOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { CloseUnitDialog } from './close-unit-dialog';
import { CreateUnitDialog } from './create-unit-dialog';
import { EditUnitDialog } from './edit-unit-dialog';
import { MoveUnitDialog } from './move-unit-dialog';
import { SplitUnitDialog } from './split-unit-dialog';
import { useUnitsOutlet } from './units-layout';
import { type UnitDetail, useInvalidateRegistry } from './units-api';

type Dialog = 'create' | 'edit' | 'move' | 'split' | 'close';

/**
 * What a registry writer (sysadmin, operator) may do to the unit on screen. After a change the
 * unit queries are invalidated and the tree reloads the branches that changed (the unit's parent,
 * a new parent, the unit itself when it gains a child).
 */
export const UnitActions = ({ unit }: { unit: UnitDetail }) => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const invalidate = useInvalidateRegistry();
  const { refreshTree } = useUnitsOutlet();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Mounted only while open: each opening starts from fresh values.
  const close = () => setDialog(null);

  const refresh = async (branches: (number | null)[], goTo?: number) => {
    await Promise.all([invalidate(), refreshTree(branches)]);
    if (goTo !== undefined) navigate(`/units/${goTo}`);
  };

  if (unit.validTo !== null) return null; // a closed unit is history: nothing to change
  return (
    <>
      <Space wrap size={8}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog('create')}
          data-testid="unit-create-open"
        >
          {t('units.addChild')}
        </Button>
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="unit-edit-open">
          {t('common.edit')}
        </Button>
        {unit.parentId !== null && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'move',
                  icon: <NodeIndexOutlined />,
                  label: t('units.move'),
                  'data-testid': 'unit-move-open',
                },
                {
                  key: 'split',
                  icon: <ScissorOutlined />,
                  label: t('units.split'),
                  'data-testid': 'unit-split-open',
                },
                { type: 'divider' },
                {
                  key: 'close',
                  icon: <DeleteOutlined />,
                  label: t('units.close'),
                  danger: true,
                  'data-testid': 'unit-close-open',
                },
              ],
              onClick: ({ key }) => setDialog(key as Dialog),
            }}
          >
            <Button data-testid="unit-more">
              {t('units.more')} <DownOutlined />
            </Button>
          </Dropdown>
        )}
      </Space>
      {dialog === 'create' && (
        <CreateUnitDialog
          parent={unit}
          open
          onClose={close}
          onCreated={(child) => refresh([unit.id], child.id)}
        />
      )}
      {dialog === 'edit' && (
        <EditUnitDialog unit={unit} open onClose={close} onSaved={() => refresh([unit.parentId])} />
      )}
      {dialog === 'move' && (
        <MoveUnitDialog
          unit={unit}
          open
          onClose={close}
          onMoved={(newParentId) => refresh([unit.parentId, newParentId])}
        />
      )}
      {dialog === 'split' && (
        <SplitUnitDialog
          unit={unit}
          open
          onClose={close}
          onSplit={(parts) => refresh([unit.parentId], parts[0]?.id)}
        />
      )}
      {dialog === 'close' && (
        <CloseUnitDialog unit={unit} open onClose={close} onClosed={() => refresh([unit.parentId])} />
      )}
    </>
  );
};
