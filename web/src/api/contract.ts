/** The API's types and constants for the web app, defined once in server/contract. */
export * from '../../../server/contract';
