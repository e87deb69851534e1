/** CSS Modules (Vite): `import styles from './x.module.css'` gives the scoped class names. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
