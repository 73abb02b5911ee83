import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';
import { type Bilingual, type Lang, type MessageKey, messages } from './messages';

export type { Bilingual, Lang, MessageKey };

const STORAGE_KEY = 'zz.lang';

const readStoredLang = (): Lang => {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
};

export type TranslateVars = Record<string, string | number>;

export const format = (text: string, vars?: TranslateVars) =>
  vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;

export const translate = (lang: Lang, key: MessageKey, vars?: TranslateVars) =>
  format(messages[key][lang], vars);

type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: TranslateVars) => string;
  /** Picks the current language of a message that came with both, e.g. from the API. */
  pick: (message: Bilingual) => string;
};

const I18nContext = createContext<I18n | null>(null);

const applyDayjsLocale = (lang: Lang) => dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');

/** The language of the whole app: Chinese unless the user switched, remembered in localStorage. */
export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = readStoredLang();
    applyDayjsLocale(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
    applyDayjsLocale(l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (m) => m[lang],
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
};
