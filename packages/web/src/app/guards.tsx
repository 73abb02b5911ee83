import { Result } from 'antd';
import { type ComponentType, type ReactNode, lazy } from 'react';
import type { Area } from '../lib/access';
import { useI18n } from '../lib/i18n/i18n';
import { useAccess } from '../lib/session';

/**
 * A page loaded on its first visit. The login page and the frame stay in the first bundle; each
 * area's pages (and what only they use: tables, trees, date pickers, the QR encoder) come in a
 * chunk of their own. AppLayout's Suspense shows a spinner meanwhile.
 */
export const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const Guard = ({ area, children }: { area: Area; children: ReactNode }) => {
  const { canRead } = useAccess();
  const { t } = useI18n();
  return canRead(area) ? children : <Result status="403" title="403" subTitle={t('app.noAccess')} />;
};

export const guarded = (area: Area, element: ReactNode) => <Guard area={area}>{element}</Guard>;

const WriteGuard = ({ area, children }: { area: Area; children: ReactNode }) => {
  const { canWrite } = useAccess();
  const { t } = useI18n();
  return canWrite(area) ? children : <Result status="403" title="403" subTitle={t('app.noAccess')} />;
};

export const guardedWrite = (area: Area, element: ReactNode) => (
  <WriteGuard area={area}>{element}</WriteGuard>
);
