import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { resolveAuthSettings, type AuthSettings } from './settings';
import { JwtVerifier } from './verifier';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

export interface AuthModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: NonNullable<Extract<Provider, { useFactory: unknown }>['inject']>;
  /** Typically reads the service's validated config class. */
  useFactory: (...args: never[]) => AuthSettings | Promise<AuthSettings>;
}

/**
 * Import once, in a service's root module. It provides JwtVerifier to everyone (global)
 * and registers AuthGuard as the app-wide guard.
 *
 * The verifier is built by an async factory so bad settings, and on a fresh checkout
 * the creation of the development key, happen while the app starts, not on the first
 * request.
 */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    // Fail at module definition already: nothing else will work with bad settings.
    resolveAuthSettings(settings);
    return AuthModule.build([{ provide: AUTH_SETTINGS, useValue: settings }], []);
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    return AuthModule.build(
      [
        {
          provide: AUTH_SETTINGS,
          inject: options.inject ?? [],
          useFactory: options.useFactory as (...args: unknown[]) => AuthSettings | Promise<AuthSettings>,
        },
      ],
      options.imports ?? [],
    );
  }

  private static build(settingsProviders: Provider[], imports: NonNullable<ModuleMetadata['imports']>): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports,
      providers: [
        ...settingsProviders,
        {
          provide: JwtVerifier,
          inject: [AUTH_SETTINGS],
          useFactory: async (settings: AuthSettings) => {
            const verifier = new JwtVerifier(settings);
            await verifier.init();
            return verifier;
          },
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [JwtVerifier, AUTH_SETTINGS],
    };
  }
}
