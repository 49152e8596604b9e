/**
 * Routes from endpoint declarations: `defineRoute(spec, middleware, handler)` gives a handler
 * its checked, typed input; `mountRoutes` registers every route with the access check the
 * declaration names first, then the route's middleware, then validation and the handler. A JSON
 * result is sent with the declared success status; a handler may return a Response instead
 * (CSV, Arrow, GeoJSON text, 201/204).
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { BodyOf, EndpointSpec, JsonOf, ParamsOf, QueryOf } from '#contract/api';
import { access } from './middleware/access';
import type { AppEnv } from './app-env';
import { readRequest } from './request-input';

export interface Input<E extends EndpointSpec> {
  query: QueryOf<E>;
  params: ParamsOf<E>;
  body: BodyOf<E>;
}

type JsonResult<E extends EndpointSpec> = [JsonOf<E>] extends [never] ? never : JsonOf<E>;

export type RouteHandler<E extends EndpointSpec> = (c: Context<AppEnv>, input: Input<E>) => Promise<JsonResult<E> | Response> | JsonResult<E> | Response;

export interface RouteDefinition {
  spec: EndpointSpec;
  middleware: MiddlewareHandler<AppEnv>[];
  handler: (c: Context<AppEnv>) => Promise<Response>;
}

/** The Hono form of an OpenAPI path template: `/api/units/{code}` → `/api/units/:code`. */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

export function defineRoute<E extends EndpointSpec>(spec: E, middleware: MiddlewareHandler<AppEnv>[], handle: RouteHandler<E>): RouteDefinition {
  return {
    spec,
    middleware,
    handler: async (c) => {
      const input = (await readRequest(c, spec)) as Input<E>;
      const result = await handle(c, input);
      return result instanceof Response ? result : c.json(result as object, 200);
    },
  };
}

export function mountRoutes(app: Hono<AppEnv>, routes: readonly RouteDefinition[]): void {
  for (const route of routes) {
    app.on(route.spec.method.toUpperCase(), honoPath(route.spec.path), access(route.spec.access), ...route.middleware, route.handler);
  }
}
