export type Lang = 'zh' | 'en';
export type Bilingual = { zh: string; en: string };
