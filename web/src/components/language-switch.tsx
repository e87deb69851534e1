import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** FR / EN toggle; the choice is persisted by the i18n module. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={i18n.language === lang}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          {/* The visible code is part of the name (WCAG 2.5.3 label in name): « FR Français ». */}
          {lang.toUpperCase()} <span className="visually-hidden">{t(`language.${lang}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
