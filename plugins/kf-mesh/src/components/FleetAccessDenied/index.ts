export {
  FleetAccessDenied,
  PLATFORM_TEAM_CONFIG_KEY,
} from './FleetAccessDenied';
