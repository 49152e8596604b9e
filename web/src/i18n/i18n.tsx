/**
 * Translation: every UI string lives in vi.json (the default) and en.json, under the same keys.
 * `t(key, {name: value})` fills `{name}` placeholders; numbers are formatted by the caller.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import vi from './vi.json';
import en from './en.json';
import type { Language } from '../state/atlasState';
import { createFormatters, type Formatters } from './format';

export type MessageKey = keyof typeof vi;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The compiler checks that the English catalogue has every Vietnamese key. */
const CATALOGS: Record<Language, Record<MessageKey, string>> = { vi, en };

const PLACEHOLDER = /\{(\w+)\}/g;

export function translator(lang: Language): Translate {
  const catalog = CATALOGS[lang];
  return (key, params) => {
    const template: string = catalog[key] ?? key;
    if (!params) return template;
    return template.replace(PLACEHOLDER, (match: string, name: string) => (name in params ? String(params[name]) : match));
  };
}

export interface I18n {
  lang: Language;
  t: Translate;
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ lang, t: translator(lang), fmt: createFormatters(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}
