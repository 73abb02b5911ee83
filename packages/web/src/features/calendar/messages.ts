import type { Bilingual } from '../../lib/i18n/messages-types';

/** Strings of the working calendar added beside its pages, Chinese first; keys start with 'calendar.'. */
export const calendarMessages = {
  'calendar.provisionalTag': { zh: '暂定', en: 'Provisional' },
  'calendar.officialTag': { zh: '正式', en: 'Official' },
  'calendar.provisionalBanner': {
    zh: '{years} 年为暂定安排：仅含《全国年节及纪念日放假办法》规定的法定节假日，未含调休上班日和连休安排（须以国务院办公厅当年通知为准）。录入正式通知后，涉及这些年份的期限可能前后变动一两天。',
    en: '{years}: provisional — only the statutory holidays of the national holiday regulation, without the make-up working days and bridged rest days that only the State Council’s yearly notice sets. Deadlines in these years may move by a day or two once the official notice is entered.',
  },
  'calendar.provisionalYear': {
    zh: '{year} 年为暂定安排：国务院办公厅尚未发布（或尚未录入）{year} 年节假日安排通知，本安排仅按法定节假日计算，未含调休上班日和连休。录入正式通知后，期限可能前后变动一两天。',
    en: '{year} is provisional: the State Council’s notice for {year} is not out (or not entered) yet. Only the statutory holidays are counted, without make-up working days or bridged rest days; deadlines may move by a day or two once the official notice is entered.',
  },
  'calendar.statutoryBasis': { zh: '法定依据', en: 'Statutory basis' },
  'calendar.provisionalEditorHint': {
    zh: '当前为暂定安排。请按国务院办公厅 {year} 年节假日安排通知填写标题、文号、发布日期、链接，调整放假日期并补充调休上班日；保存后即为正式安排，启动升级时不会再覆盖。',
    en: 'This year is provisional. Fill in the State Council’s notice for {year} (title, number, date, link), adjust the days off and add the make-up working days; once saved the year is official and no release overwrites it.',
  },
} as const satisfies Record<string, Bilingual>;
