import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang, setLang } from '../i18n';

/** Labelled with the language it switches *to*, in that language, so either audience can find it. */
export function LangSwitch({ type = 'text' }: { type?: 'text' | 'default' | 'link' }) {
  const { t } = useTranslation();
  return (
    <Button
      type={type}
      data-testid="lang-switch"
      lang={currentLang() === 'en' ? 'zh-CN' : 'en'}
      onClick={() => void setLang(currentLang() === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
