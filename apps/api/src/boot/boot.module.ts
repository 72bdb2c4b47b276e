import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { DemoModule } from '../demo/demo.module';
import { CatalogBootService } from './catalog-boot.service';

@Module({ imports: [CatalogModule, DemoModule], providers: [CatalogBootService] })
export class BootModule {}
