import SecurityIcon from '@material-ui/icons/Security';

/**
 * The icon of kf-mesh in the new frontend system: the plugin, and the fleet
 * page's entry in the app's navigation.
 */
export const meshIcon = <SecurityIcon />;
