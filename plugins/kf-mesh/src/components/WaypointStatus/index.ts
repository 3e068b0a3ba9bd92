export { WaypointStatus } from './WaypointStatus';
