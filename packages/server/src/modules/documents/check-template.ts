import type { DocumentTemplateContent } from '@zongzhi/contracts';
import { DOCUMENT_TEMPLATE_VARS } from '@zongzhi/contracts';
import { type FieldError, field } from '../../platform/errors';
import { checkTemplateText } from './build-document-from-template';

/** Semantic checks of a template: only known `{{placeholders}}`, no stray braces. */
export const checkTemplate = (t: DocumentTemplateContent, base: string): FieldError[] => {
  const errors: FieldError[] = [];
  const known = DOCUMENT_TEMPLATE_VARS.join(', ');
  const check = (text: string, path: string) => {
    const { unknown, malformed } = checkTemplateText(text);
    if (unknown.length > 0)
      errors.push(
        field(
          path,
          `未知的占位符：${unknown.join('、')}（可用：${known}）`,
          `unknown placeholder(s): ${unknown.join(', ')} (known: ${known})`,
        ),
      );
    if (malformed) errors.push(field(path, '占位符须写成 {{名称}}', 'a placeholder is written {{name}}'));
  };
  check(t.title, `${base}.title`);
  t.body.forEach((b, i) => {
    check(b.text, `${base}.body.${i}.text`);
  });
  (t.cc ?? []).forEach((c, i) => {
    check(c, `${base}.cc.${i}`);
  });
  return errors;
};
