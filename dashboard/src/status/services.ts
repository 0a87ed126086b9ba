/** A backend service whose health the gateway exposes at `/health/<name>`. */
export interface Service {
  name: string;
  /** Local-development port where the service serves its own OpenAPI UI. */
  port: number;
}

/** The services shown on the status page, in display order. */
export const SERVICES: readonly Service[] = [
  { name: 'identity', port: 8081 },
  { name: 'websites', port: 8082 },
  { name: 'conversations', port: 8083 },
  { name: 'realtime-edge', port: 8084 },
  { name: 'notifications', port: 8085 },
];

/** URL of a service's Swagger UI on the given host (local development layout). */
export function apiDocsUrl(service: Service, hostname: string): string {
  return `http://${hostname}:${service.port}/swagger-ui/`;
}
