import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { dayjs } from '../lib/time';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export const LANG_STORAGE_KEY = 'aftersales.lang';
const DEFAULT_LANG: Lang = 'zh-CN';

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(LANG_STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : DEFAULT_LANG;
  } catch {
    // Storage can be blocked (privacy mode); Chinese is the safe default for this product.
    return DEFAULT_LANG;
  }
}

function applySideEffects(lang: Lang): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
  setApiLanguage(lang === 'en' ? 'en' : 'zh-CN');
}

const initial = storedLang();
applySideEffects(initial);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: DEFAULT_LANG,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export async function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the switch still applies to this tab.
  }
  applySideEffects(lang);
  await i18n.changeLanguage(lang);
}

/** Permission codes contain dots, which i18next reads as nesting, so they are stored with underscores. */
export function permissionLabel(code: string): string {
  return i18n.t(`perm.${code.replace(/\./g, '_')}`, { defaultValue: code });
}

/** Picks the English name when in English and one exists; data is entered in Chinese first. */
export function localName(item: { name: string; nameEn?: string | null }): string {
  return currentLang() === 'en' && item.nameEn ? item.nameEn : item.name;
}

export default i18n;
