/** One measured figure of a bench module, with the baseline measured in the same run when there is one. */
export type BenchFigure = {
  name: string;
  value: number;
  unit: string;
  /** The same measurement without the feature under test (e.g. without hashing). */
  baseline?: number;
  /** Whether a higher value is better (throughput) or a lower one (latency). */
  better?: 'higher' | 'lower';
  note?: string;
};

export type BenchLog = (message: string) => void;

export const isBenchFigure = (x: unknown): x is BenchFigure =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as BenchFigure).name === 'string' &&
  typeof (x as BenchFigure).value === 'number' &&
  typeof (x as BenchFigure).unit === 'string';

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : Number(n.toPrecision(3)).toLocaleString('en');

/** value / baseline, e.g. 0.82× (throughput kept) or 1.3× (latency grew). */
export const ratioOf = (f: BenchFigure) => (f.baseline ? `${(f.value / f.baseline).toFixed(2)}×` : '');

/** A Markdown table of figures; other modules' plain records are shown with their own keys. */
export const figuresTable = (items: readonly unknown[]): string => {
  if (items.length === 0) return '_(no figures)_\n';
  if (items.every(isBenchFigure)) {
    const lines = ['| figure | value | unit | baseline | ratio | note |', '|---|---:|---|---:|---:|---|'];
    for (const f of items)
      lines.push(
        `| ${f.name} | ${fmt(f.value)} | ${f.unit} | ${f.baseline === undefined ? '' : fmt(f.baseline)} | ${ratioOf(f)} | ${f.note ?? ''} |`,
      );
    return `${lines.join('\n')}\n`;
  }
  const records = items.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v ?? '')).replaceAll('|', '\\|');
  return `${[
    `| ${keys.join(' | ')} |`,
    `|${keys.map(() => '---').join('|')}|`,
    ...records.map((r) => `| ${keys.map((k) => cell(r[k])).join(' | ')} |`),
  ].join('\n')}\n`;
};
