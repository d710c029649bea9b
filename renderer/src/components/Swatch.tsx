/** One legend entry's colour square (graph and dependency legends). */
export function Swatch({ fill, stroke }: { readonly fill: string; readonly stroke: string }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        marginRight: 4,
        verticalAlign: -2,
        borderRadius: 3,
        background: fill,
        border: `1.5px solid ${stroke}`,
      }}
    />
  );
}
