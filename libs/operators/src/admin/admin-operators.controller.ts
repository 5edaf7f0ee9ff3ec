import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AdminAuth, PageQueryDto } from '@app/common';
import { OperatorsService } from '../operators.service';
import { CreateOperatorDto } from './dto/create-operator.dto';
import {
  CreatedOperatorResponseDto,
  OperatorPageResponseDto,
  OperatorResponseDto,
  RotatedSecretResponseDto,
} from './dto/operator-response.dto';
import { RotateSecretDto } from './dto/rotate-secret.dto';
import { UpdateOperatorDto } from './dto/update-operator.dto';

const OperatorId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('id must be a uuid'),
});

const VALIDATION_EXAMPLE = {
  statusCode: 400,
  error: 'BAD_REQUEST',
  message: ['currencies must name at least one currency', 'property foo should not exist'],
  requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
};
const NOT_FOUND_EXAMPLE = {
  statusCode: 404,
  error: 'OPERATOR_NOT_FOUND',
  message: 'Operator 3f0c6a5e-8d5b-4a4e-9a55-0b9d1f0f2c11 does not exist',
  requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
};
const NAME_TAKEN_EXAMPLE = {
  statusCode: 409,
  error: 'OPERATOR_NAME_TAKEN',
  message: 'An operator named "Lucky Casino" already exists',
  requestId: 'c2a1d2b4-5e0f-4f4e-8f52-3f1b7f0f6a11',
};

@ApiTags('admin: operators')
@AdminAuth()
@Controller('admin/operators')
export class AdminOperatorsController {
  constructor(private readonly operators: OperatorsService) {}

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Create an operator',
    description: 'Generates the HMAC secret server-side and returns it in this response only: store it now.',
  })
  @ApiCreatedResponse({ type: CreatedOperatorResponseDto })
  @ApiBadRequestResponse({
    description: 'Invalid body (readable reasons in `message`)',
    schema: { example: VALIDATION_EXAMPLE },
  })
  @ApiConflictResponse({ description: 'The name is taken', schema: { example: NAME_TAKEN_EXAMPLE } })
  async create(@Body() dto: CreateOperatorDto): Promise<CreatedOperatorResponseDto> {
    const { operator, secret } = await this.operators.create(dto);
    return CreatedOperatorResponseDto.withSecret(operator, secret);
  }

  @Get()
  @ApiOperation({ summary: 'List operators, oldest first' })
  @ApiOkResponse({ type: OperatorPageResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid page or limit', schema: { example: VALIDATION_EXAMPLE } })
  async list(@Query() query: PageQueryDto): Promise<OperatorPageResponseDto> {
    const page = await this.operators.list(query);
    return { ...page, items: page.items.map((o) => OperatorResponseDto.from(o)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an operator' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OperatorResponseDto })
  @ApiBadRequestResponse({ description: 'id is not a uuid' })
  @ApiNotFoundResponse({ description: 'No such operator', schema: { example: NOT_FOUND_EXAMPLE } })
  async get(@Param('id', OperatorId) id: string): Promise<OperatorResponseDto> {
    return OperatorResponseDto.from(await this.operators.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an operator',
    description: 'Only the fields sent change. Other API processes see the change within a few seconds.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OperatorResponseDto })
  @ApiBadRequestResponse({
    description: 'Invalid body, or seamless without walletUrl',
    schema: { example: VALIDATION_EXAMPLE },
  })
  @ApiNotFoundResponse({ description: 'No such operator', schema: { example: NOT_FOUND_EXAMPLE } })
  @ApiConflictResponse({ description: 'The name is taken', schema: { example: NAME_TAKEN_EXAMPLE } })
  async update(
    @Param('id', OperatorId) id: string,
    @Body() dto: UpdateOperatorDto,
  ): Promise<OperatorResponseDto> {
    return OperatorResponseDto.from(await this.operators.update(id, dto));
  }

  @Post(':id/secret/rotate')
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Rotate an operator's secret",
    description:
      'Returns the new secret (only here). The replaced secret keeps verifying requests until ' +
      '`previousSecretValidUntil` (default grace OPERATOR_SECRET_GRACE_S, or `graceSeconds`; 0 revokes it at once); ' +
      'a further rotation drops it. Our calls to the walletUrl are signed with the new secret at once.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: RotatedSecretResponseDto })
  @ApiBadRequestResponse({
    description: 'Invalid graceSeconds or id',
    schema: { example: VALIDATION_EXAMPLE },
  })
  @ApiNotFoundResponse({ description: 'No such operator', schema: { example: NOT_FOUND_EXAMPLE } })
  async rotateSecret(
    @Param('id', OperatorId) id: string,
    @Body() dto: RotateSecretDto,
  ): Promise<RotatedSecretResponseDto> {
    const rotated = await this.operators.rotateSecret(id, dto.graceSeconds);
    return { secret: rotated.secret, previousSecretValidUntil: rotated.previousSecretValidUntil };
  }
}
