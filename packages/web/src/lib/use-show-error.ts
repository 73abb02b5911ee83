import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, problemFieldErrors } from './api';
import { useI18n } from './i18n/i18n';

/**
 * Shows a failed call in the current language and, given a form, marks the fields the API
 * named ('body.username' → the form's 'username' field). Field errors on no form field are
 * appended to the toast so nothing is lost.
 */
export const useShowError = () => {
  const { message } = App.useApp();
  const { lang, t } = useI18n();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        message.error(t('common.networkError'));
        return;
      }
      if (
        error.status === 401 &&
        error.code !== 'auth.invalid_credentials' &&
        !error.code.startsWith('auth.totp')
      )
        return; // the app returns to the login page
      const fields = problemFieldErrors(error.problem, lang);
      const shown = new Set<string>();
      if (form) {
        const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
        const known = fields.filter((f) => registered.has(f.name.join('.')));
        form.setFields(known.map((f) => ({ name: f.name, errors: f.errors })));
        for (const f of known) shown.add(f.name.join('.'));
      }
      const rest = error.problem.errors
        .filter((e) => !shown.has(e.path.replace(/^body\./, '')))
        .map((e) => `${e.path.replace(/^(body|query|params)\./, '')}: ${e.message[lang]}`);
      message.error([error.problem.message[lang], ...rest].join('；'));
    },
    [message, lang, t],
  );
};
