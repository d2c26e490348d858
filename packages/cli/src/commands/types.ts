export interface TypesOptions { year: string; form?: string; out?: string; schema?: boolean }
export async function typesCommand(_opts: TypesOptions): Promise<number> { return 0; }
