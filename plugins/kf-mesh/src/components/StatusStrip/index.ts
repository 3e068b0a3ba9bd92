export { StatusStrip } from './StatusStrip';
