/** CSS Modules (`*.module.css`, handled by Vite): class names by their local name. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
