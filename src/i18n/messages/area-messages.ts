/** The messages of one area in both languages; i18next {{placeholders}} are filled from params. */
export interface AreaMessages {
  'zh-CN': Record<string, string>;
  en: Record<string, string>;
}
