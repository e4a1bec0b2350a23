/**
 * One attempt to put a document on a printer: render it for that printer's paper (thermal
 * raster or PDF) and send it once. Throws a PrintFailure; never retries.
 */
import type { DocumentModel } from '../../shared/printing/document-model';
import { encodeRaster, type ThermalType } from './escpos-raster';
import type { OsPrinter } from './os-printer';
import { renderPdf, type PdfPaper } from './pdf-renderer';
import { PrintFailure } from './print-failure';
import type { PrintFonts } from './print-fonts';
import type { PrinterRow } from './printer-store';
import { DOTS_FOR_PAPER, renderRaster } from './raster-renderer';
import { sendToDevice } from './device-transport';
import { parseTcpAddress, sendTcp, type TcpOptions } from './tcp-transport';

export interface SendDeps {
  fonts: () => PrintFonts;
  osPrinter: OsPrinter | null;
  author: string;
  tcpOptions?: TcpOptions;
}

export async function thermalBytes(model: DocumentModel, paper: '80mm' | '58mm', type: ThermalType, fonts: PrintFonts): Promise<Buffer> {
  const image = await renderRaster(model, DOTS_FOR_PAPER[paper], fonts);
  return encodeRaster(image, type);
}

export async function sendDocument(model: DocumentModel, printer: PrinterRow, deps: SendDeps): Promise<void> {
  if (printer.interface === 'os') {
    if (!deps.osPrinter) throw new PrintFailure('unavailable', 'no OS printer outside the desktop shell');
    const pageSize = printer.paper as PdfPaper;
    const pdf = await renderPdf(model, { paper: pageSize, author: deps.author, fonts: deps.fonts() });
    await deps.osPrinter.printPdf(pdf, { deviceName: printer.address, pageSize, title: model.title });
    return;
  }
  const bytes = await thermalBytes(model, printer.paper as '80mm' | '58mm', printer.printer_type as ThermalType, deps.fonts());
  if (printer.interface === 'tcp') {
    // The paper query (DLE EOT 4) is Epson's; Star printers in Star mode answer differently.
    const statusCheck = printer.printer_type === 'epson' && deps.tcpOptions?.statusCheck !== false;
    await sendTcp(parseTcpAddress(printer.address), bytes, { ...deps.tcpOptions, statusCheck });
  } else {
    await sendToDevice(printer.address, bytes);
  }
}
