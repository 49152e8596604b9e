/**
 * The words an import accepts for each enumeration: the English key of the contract or its
 * Vietnamese label (the labels the web app shows, and the drop-down lists of the templates),
 * matched after folding (no diacritics, case or spacing). Tip categories are the ones of the
 * data docs (data/README.md, `tips`).
 */
import { AREA_CLASSES, foldForSearch, MODEL_SETTINGS, OUTCOME_KINDS, TIP_CATEGORIES, type AreaClass, type ModelSetting, type OutcomeKind, type TipCategory } from '#contract';

export const AREA_CLASS_LABELS: Record<AreaClass, string> = {
  rural: 'Nông thôn',
  urban: 'Đô thị',
  unclassified: 'Chưa phân loại',
};

export const MODEL_SETTING_LABELS: Record<ModelSetting, string> = {
  agency: 'Cơ quan',
  enterprise: 'Doanh nghiệp',
  hospital: 'Bệnh viện',
  school: 'Nhà trường',
};

export const TIP_CATEGORY_LABELS: Record<TipCategory, string> = {
  drugs: 'Ma túy',
  property_crime: 'Xâm phạm sở hữu',
  gambling: 'Cờ bạc',
  public_order: 'Trật tự công cộng',
  wanted_person: 'Đối tượng truy nã',
  residence_management: 'Quản lý cư trú',
  other: 'Khác',
};

/** As on the briefing cards (web/src/i18n/vi.json `outcome.*`). */
export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  household_registration_violations_reported: 'Vi phạm cư trú được phát hiện, báo cáo',
  illegal_entry_foreigners_reported: 'Người nước ngoài nhập cảnh trái phép được phát hiện',
  women_illegal_exit_returned_reported: 'Phụ nữ xuất cảnh trái phép trở về',
  guns_surrendered: 'Súng các loại giao nộp',
  primitive_weapons_surrendered: 'Vũ khí thô sơ giao nộp',
  post_rehab_people_managed: 'Lượt người sau cai nghiện được quản lý tại cộng đồng',
  post_rehab_exemplars: 'Gương người sau cai nghiện làm kinh tế giỏi',
};

/** Looks a value up among keys and labels; undefined when it is none of them. */
export class Vocabulary<K extends string> {
  private readonly byFolded = new Map<string, K>();

  constructor(
    readonly keys: readonly K[],
    readonly labels: Record<K, string>,
  ) {
    for (const key of keys) {
      this.byFolded.set(foldForSearch(key), key);
      this.byFolded.set(foldForSearch(labels[key]), key);
    }
  }

  lookup(text: string): K | undefined {
    return this.byFolded.get(foldForSearch(text));
  }

  /** "agency (Cơ quan), enterprise (Doanh nghiệp), …" for messages. */
  describe(): string {
    return this.keys.map((k) => `${k} (${this.labels[k]})`).join(', ');
  }
}

export const AREA_CLASS_WORDS = new Vocabulary(AREA_CLASSES, AREA_CLASS_LABELS);
export const MODEL_SETTING_WORDS = new Vocabulary(MODEL_SETTINGS, MODEL_SETTING_LABELS);
export const TIP_CATEGORY_WORDS = new Vocabulary(TIP_CATEGORIES, TIP_CATEGORY_LABELS);
export const OUTCOME_KIND_WORDS = new Vocabulary(OUTCOME_KINDS, OUTCOME_KIND_LABELS);
