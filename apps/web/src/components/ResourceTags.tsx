import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';

interface ResourceTagsProps {
  /** As ECS describes a resource's tags (`Tags.Tag`). */
  readonly tags: readonly { readonly TagKey: string; readonly TagValue?: string }[];
  /** Said when there are none. */
  readonly empty: string;
}

/** A resource's tags for an overview, one `key=value` a line (a tag without a value is its key alone). */
export function ResourceTags({ tags, empty }: ResourceTagsProps) {
  if (tags.length === 0) return empty;
  return (
    <SpaceBetween size="xxxs">
      {tags.map((tag) => (
        <Box key={tag.TagKey} variant="code">
          {tag.TagValue ? `${tag.TagKey}=${tag.TagValue}` : tag.TagKey}
        </Box>
      ))}
    </SpaceBetween>
  );
}
