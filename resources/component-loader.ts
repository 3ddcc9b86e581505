import { ComponentLoader } from 'adminjs';

/** Every custom React component is registered here, once, by a name resources refer to. */
export const componentLoader = new ComponentLoader();
