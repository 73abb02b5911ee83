import { Empty, Spin, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { type Key, type Ref, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { UnitKindTag } from '../../components/unit-kind-tag';
import { useShowError } from '../../lib/use-show-error';
import { type Unit, fetchChildren, fetchRoots, pathIds } from './units-api';

type UnitNode = TreeDataNode & { key: string; unit: Unit; children?: UnitNode[] };

const toNode = (u: Unit): UnitNode => ({
  key: String(u.id),
  isLeaf: u.childCount === 0,
  unit: u,
  title: (
    <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <span>{u.name}</span>
      <UnitKindTag kind={u.kind} />
    </span>
  ),
});

const withChildren = (nodes: UnitNode[], key: string, children: UnitNode[], isLeaf = false): UnitNode[] =>
  nodes.map((n) =>
    n.key === key
      ? { ...n, children, isLeaf }
      : n.children
        ? { ...n, children: withChildren(n.children, key, children, isLeaf) }
        : n,
  );

const findNode = (nodes: UnitNode[] | undefined, key: string): UnitNode | undefined => {
  for (const n of nodes ?? []) {
    if (n.key === key) return n;
    const hit = findNode(n.children, key);
    if (hit) return hit;
  }
  return undefined;
};

/**
 * Fresh nodes for a branch, keeping the loaded children of nodes that are still there (an
 * expanded town stays expanded when a sibling is renamed).
 */
const mergeBranch = (fresh: UnitNode[], old: UnitNode[] | undefined): UnitNode[] =>
  fresh.map((n) => {
    const before = old?.find((o) => o.key === n.key);
    return before?.children && !n.isLeaf ? { ...n, children: before.children } : n;
  });

export type UnitTreeHandle = {
  /** Reloads the children of these units (null: the roots) after a change to the registry. */
  reload: (parentIds: readonly (number | null)[]) => Promise<void>;
};

export type UnitTreeProps = {
  ref?: Ref<UnitTreeHandle>;
  /** The selected unit and its ancestry path, revealed (ancestors expanded) when it changes. */
  selected: { id: number; path: string } | null;
  onSelect: (unit: Unit) => void;
  height: number;
};

/**
 * The unit tree of the caller's scope. Only the roots load at first; a node's children load
 * when it is expanded, and the list is virtual, so trees of thousands of units stay fast.
 */
export const UnitTree = ({ ref, selected, onSelect, height }: UnitTreeProps) => {
  // Held in a ref so a language switch (a new showError) does not reload the tree.
  const showErrorNow = useShowError();
  const showErrorRef = useRef(showErrorNow);
  showErrorRef.current = showErrorNow;
  const [treeData, setTreeData] = useState<UnitNode[] | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const treeRef = useRef<React.ComponentRef<typeof Tree>>(null);
  const dataRef = useRef<UnitNode[]>([]);
  dataRef.current = treeData ?? [];

  useEffect(() => {
    fetchRoots()
      .then((roots) => {
        const nodes = roots.map(toNode);
        setTreeData(nodes);
        if (nodes.length === 1 && nodes[0]) setExpandedKeys([nodes[0].key]);
      })
      .catch((e: unknown) => {
        setTreeData([]);
        showErrorRef.current(e);
      });
  }, []);

  const loadChildren = useCallback(async (key: string) => {
    const node = findNode(dataRef.current, key);
    if (!node || node.children || node.isLeaf) return;
    const children = (await fetchChildren(Number(key))).map(toNode);
    dataRef.current = withChildren(dataRef.current, key, children, children.length === 0);
    setTreeData(dataRef.current);
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      reload: async (parentIds) => {
        for (const id of new Set(parentIds)) {
          if (id === null) {
            const roots = (await fetchRoots()).map(toNode);
            dataRef.current = mergeBranch(roots, dataRef.current);
            continue;
          }
          const key = String(id);
          // A branch never loaded loads fresh when opened; one loaded, or a leaf that may have
          // just gained its first child, is fetched again now.
          const node = findNode(dataRef.current, key);
          if (!node) continue;
          const children = (await fetchChildren(id)).map(toNode);
          dataRef.current = withChildren(
            dataRef.current,
            key,
            mergeBranch(children, node.children),
            children.length === 0,
          );
        }
        setTreeData(dataRef.current);
      },
    }),
    [],
  );

  // Reveal the selected unit: load each ancestor's children in turn, expand them, scroll to it.
  const selectedId = selected?.id;
  const selectedPath = selected?.path;
  const rootsLoaded = treeData !== null;
  useEffect(() => {
    if (selectedId === undefined || !selectedPath || !rootsLoaded) return;
    let live = true;
    const reveal = async () => {
      const ids = pathIds(selectedPath).map(String);
      const rootIndex = ids.findIndex((id) => findNode(dataRef.current, id));
      if (rootIndex < 0) return;
      const ancestors = ids.slice(rootIndex, -1);
      for (const id of ancestors) await loadChildren(id);
      if (!live) return;
      setExpandedKeys((prev) => [...new Set([...prev, ...ancestors])]);
      setTimeout(() => treeRef.current?.scrollTo({ key: String(selectedId), align: 'auto' }), 50);
    };
    reveal().catch((e: unknown) => showErrorRef.current(e));
    return () => {
      live = false;
    };
  }, [selectedId, selectedPath, rootsLoaded, loadChildren]);

  if (treeData === null) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (treeData.length === 0) return <Empty />;
  return (
    <div data-testid="unit-tree">
      <Tree<UnitNode>
        ref={treeRef}
        treeData={treeData}
        height={height}
        blockNode
        showLine
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys)}
        selectedKeys={selectedId !== undefined ? [String(selectedId)] : []}
        loadData={(node) => loadChildren(node.key)}
        onSelect={(_keys, info) => onSelect(info.node.unit)}
      />
    </div>
  );
};
