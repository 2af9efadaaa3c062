import { ts } from '../typescript';
import { locationOf } from '../locations';
import type { SdkCall, SdkUsage } from '../../model/app-model';
import { LIB_STORAGE, V2_CLIENTS_PREFIX } from '../../model/sdk-module-names';
import {
  isUploadHelper,
  NON_OPERATION_METHODS,
  pascalCase,
  sdkFunctionCall,
  type SdkClient,
  type SdkCommand,
  type SdkExport,
  type SdkValue,
} from './sdk-modules';
import type { SdkValues } from './sdk-values';
import { skipOuterExpressions } from '../outer-expressions';

/**
 * Recognises the AWS SDK calls among the nodes it is shown:
 *   v3 bare client        client.send(new PutObjectCommand(...))        (the command names the operation)
 *   v3 aggregated / v2    s3.putObject(...)                             (the method names it)
 *   helpers               new Upload(...), getSignedUrl(client, cmd), paginateX(...), waitUntilX(...),
 *                         v2 upload/getSignedUrl/waitFor
 * and records what it cannot tell (a dynamic method, a command it cannot see).
 */
export class SdkCallFinder {
  private readonly calls: SdkCall[] = [];
  private readonly unresolved: Array<SdkUsage['unresolved'][number]> = [];

  constructor(
    private readonly values: SdkValues,
    private readonly projectDir: string,
  ) {}

  visit(node: ts.Node): void {
    if (ts.isCallExpression(node)) this.call(node);
    else if (ts.isNewExpression(node)) this.construct(node);
  }

  result(): SdkUsage {
    const byPlace = (
      { location: a }: { location: SdkCall['location'] },
      { location: b }: { location: SdkCall['location'] },
    ) => (a.file === b.file ? 0 : a.file < b.file ? -1 : 1) || a.line - b.line || a.column - b.column;
    return { calls: [...this.calls].sort(byPlace), unresolved: [...this.unresolved].sort(byPlace) };
  }

  private call(call: ts.CallExpression): void {
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
      if (this.methodCall(call, callee)) return;
    }
    for (const fn of exportsOf(this.values.of(callee))) this.functionCall(call, callee, fn);
  }

  /** `receiver.method(...)`; true when it was an SDK call (recorded or unresolved). */
  private methodCall(
    call: ts.CallExpression,
    callee: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  ): boolean {
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : literalText(callee.argumentExpression);
    if (method === 'send' && call.arguments.length > 0) {
      const commands = commandsOf(this.values.of(call.arguments[0]));
      for (const command of commands) this.record(command.module, command.operation, callee);
      if (commands.length > 0) return true;
    }
    const clients = this.values.of(callee.expression).filter((v): v is SdkClient => v.kind === 'client');
    if (clients.length === 0) return false;
    if (method === 'send') this.cannotTell('cannot tell which command this sends', call.arguments[0] ?? callee);
    else if (method === undefined) this.cannotTell('cannot tell which operation this dynamic method call runs', callee);
    else
      for (const client of clients) if (client.style === 'aggregated') this.clientMethod(client, method, call, callee);
    return true;
  }

  private clientMethod(client: SdkClient, method: string, call: ts.CallExpression, callee: ts.Expression): void {
    if (NON_OPERATION_METHODS.has(method)) return;
    const first = call.arguments[0];
    const isV2 = client.module.startsWith(V2_CLIENTS_PREFIX);
    if (isV2 && (method === 'getSignedUrl' || method === 'getSignedUrlPromise' || method === 'waitFor')) {
      const name = first && literalText(first);
      if (name === undefined) return this.cannotTell(`cannot tell which operation ${method}() is for`, first ?? callee);
      return this.record(
        client.module,
        method === 'waitFor' ? `WaitUntil${pascalCase(name)}` : pascalCase(name),
        callee,
      );
    }
    if (isV2 && method === 'createPresignedPost') return this.record(client.module, 'PutObject', callee);
    this.record(client.module, pascalCase(method), callee);
  }

  private functionCall(call: ts.CallExpression, callee: ts.Expression, fn: SdkExport): void {
    const found = sdkFunctionCall(fn);
    if (!found) return;
    if ('operation' in found) return this.record(found.module, found.operation, callee);
    const argument = call.arguments[found.commandArgument];
    const commands = argument ? commandsOf(this.values.of(argument)) : [];
    if (commands.length === 0) this.cannotTell('cannot tell which command this presigns', argument ?? callee);
    for (const command of commands) this.record(command.module, command.operation, callee);
  }

  private construct(node: ts.NewExpression): void {
    for (const exported of exportsOf(this.values.of(node.expression))) {
      if (isUploadHelper(exported))
        this.record(
          exported.module === LIB_STORAGE ? LIB_STORAGE : `${V2_CLIENTS_PREFIX}s3`,
          'Upload',
          node.expression,
        );
    }
  }

  private record(module: string, operation: string, node: ts.Node): void {
    this.calls.push({ module, operation, location: locationOf(node, this.projectDir) });
  }

  private cannotTell(reason: string, node: ts.Node): void {
    this.unresolved.push({ reason, location: locationOf(node, this.projectDir) });
  }
}

function exportsOf(values: SdkValue[]): SdkExport[] {
  return values.filter((v): v is SdkExport => v.kind === 'export');
}

function commandsOf(values: SdkValue[]): SdkCommand[] {
  return values.filter((v): v is SdkCommand => v.kind === 'command');
}

function literalText(node: ts.Expression): string | undefined {
  return ts.isStringLiteralLike(node) ? node.text : undefined;
}
