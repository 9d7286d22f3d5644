/* counter.S - a 512-byte boot sector that is the whole "operating system" of the lab's test VM.
 *
 * It programs the PIT to 100 Hz and increments a 64-bit counter at guest-physical 0x6000 on every
 * timer interrupt, halting in between, so the VM costs almost nothing under nested TCG while its
 * RAM state visibly advances. A saved-and-restored VM continues counting from where it stopped; a
 * VM that was rebooted instead starts again from 0. The magic "LUCOUNTR" at 0x6008 lets a reader
 * check that it is looking at the right memory. Every 128 ticks the counter is printed on COM1.
 */
#define COUNTER 0x6000
#define MAGIC   0x6008
#define COM1    0x3f8

        .code16
        .text
        .globl  _start
_start:
        cli
        xorw    %ax, %ax
        movw    %ax, %ds
        movw    %ax, %es
        movw    %ax, %ss
        movw    $0x7c00, %sp
        movl    $0, COUNTER
        movl    $0, COUNTER+4
        movl    $0x4f43554c, MAGIC      /* "LUCO" */
        movl    $0x52544e55, MAGIC+4    /* "UNTR" */

        /* PIT channel 0, mode 2, divisor 11932 -> 100 Hz */
        movb    $0x34, %al
        outb    %al, $0x43
        movb    $0x9c, %al
        outb    %al, $0x40
        movb    $0x2e, %al
        outb    %al, $0x40

        /* IRQ0 arrives as INT 8 (BIOS PIC mapping): IVT entry at 0x20 */
        movw    $tick, 0x20
        movw    $0, 0x22
        movb    $0xfe, %al              /* unmask only IRQ0 on the master PIC */
        outb    %al, $0x21
        movb    $0xff, %al
        outb    %al, $0xa1

        movw    $hello, %si
        call    puts
        sti
idle:   hlt
        jmp     idle

tick:   pushw   %ax
        pushw   %cx
        pushw   %dx
        pushw   %si
        pushw   %ds
        xorw    %ax, %ax
        movw    %ax, %ds
        addl    $1, COUNTER
        adcl    $0, COUNTER+4
        testb   $0x7f, COUNTER
        jnz     eoi
        movw    $prefix, %si
        call    puts
        movl    COUNTER, %edx           /* low 32 bits as 8 hex digits */
        movw    $8, %cx
hex:    roll    $4, %edx
        movb    %dl, %al
        andb    $0x0f, %al
        addb    $'0', %al
        cmpb    $'9', %al
        jbe     1f
        addb    $('a' - '9' - 1), %al
1:      call    putc
        loop    hex
        movw    $crlf, %si
        call    puts
eoi:    movb    $0x20, %al
        outb    %al, $0x20
        popw    %ds
        popw    %si
        popw    %dx
        popw    %cx
        popw    %ax
        iret

/* putc: %al to COM1 (QEMU's UART needs no LSR polling) */
putc:   pushw   %dx
        movw    $COM1, %dx
        outb    %al, %dx
        popw    %dx
        ret

/* puts: NUL-terminated string at %ds:%si */
puts:   lodsb
        testb   %al, %al
        jz      2f
        call    putc
        jmp     puts
2:      ret

hello:  .asciz  "LUCOUNTR boot: counter at 0x6000\r\n"
prefix: .asciz  "LUCOUNTR tick 0x"
crlf:   .asciz  "\r\n"

        .org    510
        .byte   0x55, 0xaa
