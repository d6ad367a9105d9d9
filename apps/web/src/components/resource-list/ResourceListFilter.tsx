import type {
  PropertyFilterOption,
  PropertyFilterProperty,
  PropertyFilterQuery,
} from '@cloudscape-design/collection-hooks';
import PropertyFilter, { type PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guidanceForChange, type FilterGuidance } from './filter-guidance';
import { useFilterShortcut } from './use-filter-shortcut';

interface ResourceListFilterProps {
  readonly query: PropertyFilterQuery;
  readonly onChange: (query: PropertyFilterQuery) => void;
  readonly properties: readonly PropertyFilterProperty[];
  readonly options: readonly PropertyFilterOption[];
  readonly customGroupsText?: readonly { group: string; properties: string; values: string }[];
  readonly ariaLabel: string;
  readonly placeholder: string;
  /** Undefined until data loaded: no count for data not there. */
  readonly matchesCount: number | undefined;
}

/**
 * Types `text` into the filter's input as if the user had. Cloudscape keeps the typed text inside
 * the component (there is no prop for it), and a native input event is how React hears of a change.
 */
function typeInto(input: HTMLInputElement, text: string): void {
  // The prototype's setter: React's own value tracker on the element would swallow a plain assignment.
  const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  value?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.focus();
}

/** The list's property filter: `/` focuses it, and a property named without a value is guided to one. */
export const ResourceListFilter = memo(function ResourceListFilter({
  query,
  onChange,
  properties,
  options,
  customGroupsText,
  ariaLabel,
  placeholder,
  matchesCount,
}: ResourceListFilterProps) {
  const { t } = useTranslation();
  const filterRef = useRef<PropertyFilterProps.Ref>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const [guidance, setGuidance] = useState<{ readonly hint: FilterGuidance; readonly attempt: number }>();
  useFilterShortcut(filterRef);

  // After the filter cleared its input for the token it tried to add, the property goes back in.
  useEffect(() => {
    const input = containerRef.current?.querySelector('input');
    if (guidance && input) typeInto(input, guidance.hint.text);
  }, [guidance]);

  return (
    <div ref={containerRef}>
      <PropertyFilter
        ref={filterRef}
        query={query}
        onChange={({ detail }) => {
          const hint = guidanceForChange(query, detail, properties);
          if (hint) {
            setGuidance((current) => ({ hint, attempt: (current?.attempt ?? 0) + 1 }));
            return;
          }
          setGuidance(undefined);
          onChange(detail);
        }}
        filteringProperties={properties}
        filteringOptions={options}
        filteringAriaLabel={ariaLabel}
        filteringPlaceholder={t('resourceList.filter.placeholder', { placeholder })}
        filteringConstraintText={
          guidance &&
          t('resourceList.filter.needsValue', {
            property: guidance.hint.property.propertyLabel,
            example: guidance.hint.text.trimEnd(),
          })
        }
        countText={matchesCount === undefined ? undefined : t('resourceList.filter.matches', { count: matchesCount })}
        customGroupsText={customGroupsText && [...customGroupsText]}
        // Up to hundreds of suggestions per property: render only the visible ones.
        virtualScroll
        expandToViewport
      />
    </div>
  );
});
