import { screen } from '@testing-library/react';

/** Waits for the fleet access-denied panel (FleetAccessDenied) and returns its title. */
export const findFleetAccessDenied = () =>
  screen.findByText(
    /You do not have access to the mesh fleet/,
    {},
    { timeout: 10_000 },
  );
