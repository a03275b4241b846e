/** The bundled menus and moments the call-screen tests use: the machine tests' helpers. */
export { at, menuFile, menuOf } from '../machine/helpers.js';
