/** Go's `strconv.ParseBool` true spellings: how istiod reads boolean labels and annotations. */
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * Whether a label or annotation value is true as istiod reads it (Go's `strconv.ParseBool`, e.g.
 * `istio.io/dry-run` in `pilot/pkg/serviceregistry/ambient/authorization.go`, `istio.io/ingress-use-waypoint`
 * in `ambient/services.go`). Absent or anything else (`yes`, `on`) is false.
 * @public
 */
export function isIstioTrue(value: string | undefined): boolean {
  return value !== undefined && GO_TRUE.has(value);
}
