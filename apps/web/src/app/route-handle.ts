import type { AppLayoutProps } from '@cloudscape-design/components/app-layout';
import type { TFunction } from 'i18next';
import type { Params } from 'react-router';

/** What a route tells the layout: its breadcrumb, its part of the page title and the kind of page it is. */
export interface RouteHandle {
  readonly breadcrumb?: (params: Params, t: TFunction) => string;
  /** Its part of the document title; the breadcrumb when not given. */
  readonly title?: (params: Params, t: TFunction) => string;
  readonly contentType?: AppLayoutProps.ContentType;
}

export function isRouteHandle(handle: unknown): handle is RouteHandle {
  return typeof handle === 'object' && handle !== null;
}
