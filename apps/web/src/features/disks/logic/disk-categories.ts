import { ALL_CATEGORIES, CREATABLE_CATEGORIES } from '@ecs-console/contract';
import type { TFunction } from 'i18next';

// TFunction, not ReturnType<typeof useTranslation>['t']: resolving the latter over every key of
// en.json exceeds TypeScript's instantiation limit (TS2589) now that the console has ~1,300 texts.
type Translate = TFunction;
export type KnownCategory = (typeof ALL_CATEGORIES)[number];
export type CreatableCategory = (typeof CREATABLE_CATEGORIES)[number];

/** New disks are offered in this order: today's general-purpose choices first, the legacy ones last. */
export const CATEGORY_CHOICE_ORDER: readonly CreatableCategory[] = [
  'cloud_essd',
  'cloud_auto',
  'cloud_essd_entry',
  'cloud_ssd',
  'cloud_efficiency',
  'cloud',
  'cloud_regional_disk_auto',
  'elastic_ephemeral_disk_standard',
  'elastic_ephemeral_disk_premium',
];

export function isKnownCategory(category: string): category is KnownCategory {
  return (ALL_CATEGORIES as readonly string[]).includes(category);
}

export function isCreatableCategory(category: string): category is CreatableCategory {
  return (CREATABLE_CATEGORIES as readonly string[]).includes(category);
}

/**
 * A category as the Alibaba Cloud console names it ("ESSD", "Ultra disk"), with the ESSD
 * performance level when there is one ("ESSD PL1"). An unknown category is shown as ECS names it.
 */
export function diskCategoryLabel(t: Translate, category: string, performanceLevel?: string): string {
  const name = isKnownCategory(category) ? t(`diskCategory.${category}`) : category;
  if (category !== 'cloud_essd' || !performanceLevel) return name;
  return t('diskCategory.withLevel', { category: name, level: performanceLevel });
}
