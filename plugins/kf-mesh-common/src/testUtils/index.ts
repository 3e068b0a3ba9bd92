/**
 * Test data builders for code that reads kf-mesh's API (`@kf-mesh/plugin-kf-mesh-common/testUtils`).
 *
 * @packageDocumentation
 */
export { namespaceDetail } from './namespaceDetail';
