/**
 * How an action is described to the client: whether it reads or writes, whether a ClientToken makes
 * it safe to re-send, which list parameters travel as one JSON-array string, and how its pages are
 * walked. The request and response types ride along as phantom types so `client.call` can be typed
 * from this one table.
 */
export interface PaginationSpec<Res> {
  /** Pick the page's items out of the response (e.g. `r => r.Instances.Instance`). */
  readonly items: (response: Res) => readonly unknown[];
  /** Largest PageSize / MaxResults the action accepts. */
  readonly maxPageSize: number;
  /** Accepts PageNumber/PageSize and answers TotalCount. */
  readonly pageNumber: boolean;
  /** Accepts NextToken (and MaxResults, unless `fixedPageSize`) and answers NextToken. */
  readonly nextToken: boolean;
  /** ECS chooses the page size; MaxResults is not a parameter of the action. */
  readonly fixedPageSize?: boolean;
}

export interface ActionSpec<Req, Res> {
  /** `read` actions are always safe to retry; `write` actions only with a ClientToken. */
  readonly kind: 'read' | 'write';
  /** The action accepts `ClientToken`: the client sets one when the caller did not. */
  readonly clientToken?: boolean;
  /** List parameters sent as one JSON-array string (`InstanceIds='["i-1","i-2"]'`). */
  readonly jsonArrayParams?: readonly (keyof Req & string)[];
  readonly pagination?: PaginationSpec<Res>;
}

/** Any action's spec, as code that handles every action sees it. */
export type AnyActionSpec = ActionSpec<never, never>;

/** The spec as written, plus the request and response types as phantoms (never set at run time). */
export type DefinedAction<Req, Res, Spec> = Spec & {
  readonly types?: { readonly request: Req; readonly response: Res };
};

/**
 * Typed identity: `defineAction<Req, Res>()({ kind: 'read' })`. The spec's literal type is kept, so
 * the pagination item type can be read back from it.
 */
export function defineAction<Req, Res>() {
  return <const Spec extends ActionSpec<Req, Res>>(spec: Spec): DefinedAction<Req, Res, Spec> => spec;
}

/** Every response carries one. */
export interface EcsResponse {
  readonly RequestId: string;
}

/** Page-number pagination fields shared by the Describe* requests. */
export interface PageNumberRequest {
  /** 1-based. */
  PageNumber?: number;
  PageSize?: number;
}

export interface NextTokenRequest {
  NextToken?: string;
  MaxResults?: number;
}

export interface PagedResponse extends EcsResponse {
  readonly TotalCount: number;
  /** Answered in PageNumber mode; absent when the request paged by NextToken. */
  readonly PageNumber?: number;
  readonly PageSize?: number;
  readonly NextToken?: string;
}

/** `Tag.N.Key` / `Tag.N.Value` in requests; `Tags.Tag[]` of `{TagKey, TagValue}` in responses. */
export interface TagInput {
  Key: string;
  Value?: string;
}

export interface Tag {
  readonly TagKey: string;
  readonly TagValue: string;
}

/** `Filter.N.Key` / `Filter.N.Value` (CreationStartTime, CreationEndTime, ...). */
export interface FilterInput {
  Key: string;
  Value: string;
}
