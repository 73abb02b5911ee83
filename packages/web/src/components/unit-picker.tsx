import { TreeSelect } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Unit, fetchChildren, fetchRoots, searchUnits } from '../features/units/units-api';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n/i18n';

type PickerNode = {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
  realPId?: number;
  name?: string;
};

const toNode = (u: Unit, searching = false): PickerNode => ({
  id: u.id,
  pId: u.parentId ?? 0,
  value: u.id,
  title: searching ? `${u.name}（${u.code}）` : u.name,
  isLeaf: searching || u.childCount === 0,
});

export type UnitPickerProps = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/**
 * Picks one unit in the caller's scope. Children load when a node is expanded; typing searches
 * the server (GET /units?q=) so a county of thousands of units stays quick.
 */
export const UnitPicker = ({
  value,
  onChange,
  placeholder,
  allowClear = true,
  style,
  ...rest
}: UnitPickerProps) => {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<PickerNode[]>([]);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<PickerNode[]>([]);
  const loaded = useRef(new Set<number>());

  useEffect(() => {
    let live = true;
    fetchRoots()
      .then((roots) => live && setNodes(roots.map((u) => toNode(u))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (search.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      searchUnits(search.trim())
        .then(
          (res) =>
            live &&
            setFound(
              res.items.map((u) => ({ ...toNode(u, true), pId: 0, realPId: u.parentId ?? 0, name: u.name })),
            ),
        )
        .catch(() => undefined);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  // A unit given from outside (an address, a link from another page) that the loaded branches do
  // not hold yet: fetch it so the picker shows its name, not its id. It sits under its parent once
  // that branch loads.
  const missing = value !== undefined && value !== null && !nodes.some((n) => n.id === value);
  useEffect(() => {
    if (!missing || value === undefined || value === null) return;
    let live = true;
    api
      .get<Unit>(`/units/${value}`)
      .then(
        (u) => live && setNodes((prev) => (prev.some((n) => n.id === u.id) ? prev : [...prev, toNode(u)])),
      )
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [missing, value]);

  const loadData = async (node: { id?: number; value?: unknown }) => {
    const id = node.id ?? Number(node.value);
    // A unit fetched on its own may already sit under this parent: that is not its branch loaded.
    if (loaded.current.has(id)) return;
    loaded.current.add(id);
    let children: Unit[];
    try {
      children = await fetchChildren(id);
    } catch (e) {
      loaded.current.delete(id);
      throw e;
    }
    setNodes((prev) => [
      ...prev,
      ...children.filter((c) => !prev.some((p) => p.id === c.id)).map((u) => toNode(u)),
    ]);
  };

  const searching = search.trim() !== '';
  const treeData = useMemo(() => {
    if (!searching) return nodes;
    const selected = nodes.find((n) => n.value === value);
    return selected && !found.some((f) => f.value === value) ? [...found, { ...selected, pId: 0 }] : found;
  }, [searching, nodes, found, value]);

  return (
    <TreeSelect
      {...rest}
      treeDataSimpleMode
      treeData={treeData}
      loadData={searching ? undefined : loadData}
      value={value ?? undefined}
      onChange={(v) => {
        const id = v === undefined || v === null ? null : Number(v);
        const hit = found.find((f) => f.value === id);
        // A unit picked from search results joins the tree under its parent, titled by name.
        if (hit && !nodes.some((n) => n.id === hit.id))
          setNodes((prev) => [
            ...prev,
            { ...hit, pId: hit.realPId ?? 0, title: hit.name ?? hit.title, isLeaf: false },
          ]);
        onChange?.(id);
      }}
      showSearch
      searchValue={search}
      onSearch={setSearch}
      filterTreeNode={() => true}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.unit')}
      style={{ minWidth: 220, ...style }}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      treeNodeLabelProp="title"
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
    />
  );
};
