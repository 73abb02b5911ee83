import { FileProtectOutlined, SignatureOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { guarded, guardedWrite, page } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const LettersPage = page(() => import('./letters-page'), 'LettersPage');
const LetterDetailPage = page(() => import('./letter-detail-page'), 'LetterDetailPage');
const LetterTemplatesPage = page(() => import('./templates-page'), 'LetterTemplatesPage');
const LetterTemplateEditorPage = page(() => import('./template-editor-page'), 'LetterTemplateEditorPage');
const BatchWizardPage = page(() => import('./batch-wizard-page'), 'BatchWizardPage');
const BatchesPage = page(() => import('./batch-page'), 'BatchesPage');
const BatchPage = page(() => import('./batch-page'), 'BatchPage');
const SigningRatePage = page(() => import('./signing-rate-page'), 'SigningRatePage');
const MyLettersPage = page(() => import('./sign-letter-page'), 'MyLettersPage');
const SignLetterPage = page(() => import('./sign-letter-page'), 'SignLetterPage');

/** Pages of the letters area (目标管理责任书), lazy-loaded. */
export const lettersRoutes: RouteObject[] = [
  { path: 'letters', element: guarded('letters', <LettersPage />) },
  { path: 'letters/templates', element: guarded('letters', <LetterTemplatesPage />) },
  { path: 'letters/templates/:id', element: guarded('letters', <LetterTemplateEditorPage />) },
  { path: 'letters/issue', element: guardedWrite('letters', <BatchWizardPage />) },
  { path: 'letters/batches', element: guarded('letters', <BatchesPage />) },
  { path: 'letters/batches/:id', element: guarded('letters', <BatchPage />) },
  { path: 'letters/signing-rate', element: guarded('letters', <SigningRatePage />) },
  { path: 'letters/:id', element: guarded('letters', <LetterDetailPage />) },
  { path: 'my-letters', element: guarded('letterSigning', <MyLettersPage />) },
  { path: 'my-letters/:id', element: guarded('letterSigning', <SignLetterPage />) },
];

export const lettersNav: NavItem[] = [
  { path: '/letters', label: 'letters.nav', icon: <FileProtectOutlined />, area: 'letters' },
  { path: '/my-letters', label: 'letters.nav.mine', icon: <SignatureOutlined />, area: 'letterSigning' },
];
