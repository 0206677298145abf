import { Module, type DynamicModule } from '@nestjs/common';
import { LifeEventAuthoring } from '@passage/versioning';
import { LifeEventRegistry } from '@passage/registry';
import { ReadModelObservationsQuery } from '@passage/persistence';
import type { ApiDependencies } from '../app/api-application';
import { LifeEventAuthoringController } from './life-event-authoring.controller';

/** Version diff and simulation for process owners. */
@Module({})
export class AuthoringModule {
  static register(deps: ApiDependencies): DynamicModule {
    const authoring = new LifeEventAuthoring(
      new LifeEventRegistry(deps.dataSource),
      new ReadModelObservationsQuery(deps.dataSource),
    );
    return {
      module: AuthoringModule,
      controllers: [LifeEventAuthoringController],
      providers: [{ provide: LifeEventAuthoring, useValue: authoring }],
    };
  }
}
