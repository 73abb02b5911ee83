import type { Role } from '@zongzhi/contracts';
import type { Session, TestApp } from '../harness';

/**
 * What an area's probe file gets from the role × scope matrix (access-matrix.test.ts). Each area
 * keeps its probes in `access-probes/<area>.ts` and lists the tables its write routes touch, so
 * that the malformed-input check can prove nothing was written.
 */
export type ProbeRequest = {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** A string only the target record carries: must appear in scope, must not out of scope. */
  marker?: string;
};

export type Expectation = 'success' | 'reached' | number;

export type Probe = {
  /** 'record': out-of-scope callers get 404 or a body without the marker; 'none': scope does not apply. */
  scope: 'record' | 'none';
  /**
   * Builds a fresh request per call. The in-scope account of a role holds it over the county
   * (or town1, for liaison-like roles — see harness world); the out-of-scope twin `<role>2` holds
   * it over town2 only. Put the target record under town1.
   */
  prepare: (role: Role) => Promise<ProbeRequest>;
  expect?: (role: Role) => Expectation;
  freshSession?: boolean;
  /**
   * The out-of-scope record is named in the body (a parent, a unit to register under): refusing it
   * as a wrong field (400, same message as a missing record) is as good as 404.
   */
  bodyRef?: boolean;
};

export type ProbeKit = {
  /** The running test app (available once the matrix's beforeAll has run: call inside prepare). */
  t: () => TestApp;
  /** The logged-in session of an account of the world (`operator`, `operator2`, `leader` …). */
  session: (name: string) => Session;
  /** A unique string with a prefix, for names and markers. */
  unique: (prefix: string) => string;
  /** A fresh village under town1 (or `parentId`). */
  freshUnit: (parentId?: number) => Promise<{ id: number; path: string; name: string }>;
  isAdmin: (r: Role) => boolean;
};

export type AreaProbes = {
  probes: Record<string, Probe>;
  /** Tables the area's write routes change (checked unchanged after malformed input). */
  tables: string[];
};

export type AreaProbeFactory = (kit: ProbeKit) => AreaProbes;
