import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../lib/i18n/i18n';

export const LanguageSwitch = ({ type = 'text' }: { type?: 'text' | 'default' }) => {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type={type}
      icon={<TranslationOutlined />}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      data-testid="language-switch"
    >
      {t('app.language')}
    </Button>
  );
};
