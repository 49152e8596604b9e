/**
 * The shape of an endpoint declaration: path, method, role, request and response schemas with
 * descriptions and examples. From these declarations the server derives its routes and their
 * validation, /api/openapi.json, the test route catalogue, and the web client's types.
 */
import type { z } from 'zod';
import type { Role } from '../session';

/** Who may call an endpoint: anyone (no session), or a session with at least this role. */
export type Access = 'public' | Role;

export type HttpMethod = 'get' | 'post' | 'delete';

/** A body that is not JSON (CSV, Arrow IPC, GeoJSON text sent as is), described for clients. */
export interface RawMedia {
  kind: 'text' | 'binary';
  /** JSON schema of the body when it is JSON after all (GeoJSON). */
  schema?: z.ZodType;
  description?: string;
}

export interface ResponseSpec {
  description: string;
  /** The JSON body (application/json). */
  json?: z.ZodType;
  /** Other media types of the same response (CSV, Arrow, GeoJSON). */
  media?: Readonly<Record<string, RawMedia>>;
  headers?: Readonly<Record<string, { description: string; schema: z.ZodType }>>;
}

/**
 * A request body that is a file sent as is (an uploaded register), not JSON: the media types
 * accepted and the largest size. The server streams it to disk instead of parsing it.
 */
export interface UploadSpec {
  media: Readonly<Record<string, RawMedia>>;
  maxBytes: number;
}

/** A request that succeeds for a permitted role: what the documentation shows and the tests send. */
export interface RequestExample {
  query?: Record<string, string>;
  params?: Record<string, string>;
  body?: unknown;
  /** The file an upload endpoint is sent: a sheet of cells (first row the headings) in this media type. */
  upload?: { media: string; rows: readonly (readonly (string | number)[])[] };
}

export interface EndpointSpec {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/units/{code}`. */
  path: `/api/${string}`;
  access: Access;
  summary: string;
  description: string;
  tags: readonly string[];
  /** Strict: a parameter not declared here is an error, so a typo never falls back to a default. */
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  /** A raw file body instead of JSON (then `body` is absent). */
  upload?: UploadSpec;
  responses: Readonly<Partial<Record<200 | 201 | 202 | 204 | 304 | 413, ResponseSpec>>>;
  /** Error statuses particular to this endpoint, and when they are answered (the error shape). */
  errors?: Readonly<Partial<Record<404 | 409 | 415, string>>>;
  /** Needs the data set: answers 503 with Retry-After while it is prepared. */
  dataset: boolean;
  example: RequestExample;
}

/** Declares an endpoint, keeping its literal types for the server and the client. */
export const endpoint = <const E extends EndpointSpec>(spec: E): E => spec;

type Output<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
type Input<S> = S extends z.ZodType ? z.input<S> : Record<string, never>;

export type QueryOf<E extends EndpointSpec> = Output<E['query']>;
export type QueryInputOf<E extends EndpointSpec> = Input<E['query']>;
export type ParamsOf<E extends EndpointSpec> = Output<E['params']>;
export type BodyOf<E extends EndpointSpec> = Output<E['body']>;
export type BodyInputOf<E extends EndpointSpec> = Input<E['body']>;

/** The JSON body of a response status. */
export type JsonOf<E extends EndpointSpec, S extends keyof E['responses'] = 200 & keyof E['responses']> =
  E['responses'][S] extends { json: infer J extends z.ZodType } ? z.output<J> : never;

/** The body of a response status in another media type, when it has a schema (GeoJSON). */
export type MediaOf<E extends EndpointSpec, M extends string, S extends keyof E['responses'] = 200 & keyof E['responses']> =
  E['responses'][S] extends { media: infer Media } ? (Media extends Record<M, { schema: infer T extends z.ZodType }> ? z.output<T> : never) : never;
