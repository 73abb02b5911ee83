import { FileTextOutlined, FormOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { guarded, guardedWrite, page } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const DocumentsPage = page(() => import('./documents-page'), 'DocumentsPage');
const DocumentTemplatesPage = page(() => import('./templates-page'), 'DocumentTemplatesPage');

/** Pages of the documents area (公文, 公文模板), lazy-loaded. */
export const documentsRoutes: RouteObject[] = [
  { path: 'documents', element: guarded('documents', <DocumentsPage />) },
  { path: 'document-templates', element: guardedWrite('documentTemplates', <DocumentTemplatesPage />) },
];
export const documentsNav: NavItem[] = [
  { path: '/documents', label: 'documents.nav', icon: <FileTextOutlined />, area: 'documents' },
  {
    path: '/document-templates',
    label: 'documents.templatesNav',
    icon: <FormOutlined />,
    area: 'documentTemplates',
  },
];
