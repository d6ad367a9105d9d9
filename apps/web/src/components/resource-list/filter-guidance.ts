import type {
  PropertyFilterProperty,
  PropertyFilterQuery,
  PropertyFilterToken,
} from '@cloudscape-design/collection-hooks';

/**
 * Tokens that cannot be what the user meant. Typing a property's name (`tag:env`, `Status`,
 * `tag:env:`) and Enter would make a free-text token searching for that very text, which matches
 * nothing; a property with an operator and no value (`Name =`) filters on nothing. Either way the
 * user is one step short of `tag:env = prod`: the list does not add the token and instead offers
 * the property's values.
 */
export interface FilterGuidance {
  readonly property: PropertyFilterProperty;
  /** What to put back in the filter's input: the property and an operator, ready for a value. */
  readonly text: string;
}

const TRAILING_OPERATOR = /\s*(!?[:=^]|[<>]=?)\s*$/;

function byName(properties: readonly PropertyFilterProperty[], text: string): PropertyFilterProperty | undefined {
  const name = text.trim().toLowerCase();
  if (!name) return undefined;
  return properties.find(
    (property) => property.key.toLowerCase() === name || property.propertyLabel.toLowerCase() === name,
  );
}

function defaultOperator(property: PropertyFilterProperty): string {
  const operators = (property.operators ?? ['=']).map((operator) =>
    typeof operator === 'string' ? operator : operator.operator,
  );
  return operators.includes('=') ? '=' : (operators[0] ?? '=');
}

export function guidanceForToken(
  token: PropertyFilterToken,
  properties: readonly PropertyFilterProperty[],
): FilterGuidance | undefined {
  const value = String(token.value ?? '');
  let property: PropertyFilterProperty | undefined;
  if (token.propertyKey) {
    if (value.trim() !== '') return undefined;
    property = properties.find((candidate) => candidate.key === token.propertyKey);
  } else {
    property = byName(properties, value) ?? byName(properties, value.replace(TRAILING_OPERATOR, ''));
  }
  return property ? { property, text: `${property.propertyLabel} ${defaultOperator(property)} ` } : undefined;
}

/** The guidance for the token a filter change adds, if that token is one of the above. */
export function guidanceForChange(
  previous: PropertyFilterQuery,
  next: PropertyFilterQuery,
  properties: readonly PropertyFilterProperty[],
): FilterGuidance | undefined {
  if (next.tokens.length !== previous.tokens.length + 1) return undefined;
  const added = next.tokens[next.tokens.length - 1];
  return added ? guidanceForToken(added, properties) : undefined;
}
