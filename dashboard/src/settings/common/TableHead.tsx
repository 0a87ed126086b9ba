/** A settings table's header row: the named columns, then an Actions column named for screen readers only. */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        <th scope="col">
          <span className="settings-visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
