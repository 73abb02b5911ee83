/** A parent target a child letter does not decompose, or decomposes less strictly. */
export type CascadeGap = {
  parentKey: string;
  parentTitle: string;
  problem: 'missing' | 'weaker';
  parentThreshold: number | null;
  childKey: string | null;
  childThreshold: number | null;
};
